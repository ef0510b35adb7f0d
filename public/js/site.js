// The public site's only script (decision 027): public pages leave without the React runtime,
// and this does the little that needs JavaScript. Everything works without it too: the forms
// post as plain forms and come back with the page, and the copy-link button stays hidden.
(function () {
  "use strict";
  // Loaded once per page, even where more than one component asks for it.
  if (window.__naringslivsnyttSite) return;
  window.__naringslivsnyttSite = true;

  // "Kopiera länk": shown only where the browser offers a clipboard.
  function wireCopyLink(button) {
    if (!navigator.clipboard) return;
    var status = button.parentElement && button.parentElement.querySelector("[data-copy-link-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-link") || location.href).then(
        function () {
          if (status) status.textContent = "Länken är kopierad.";
        },
        function () {
          if (status) status.textContent = "Det gick inte att kopiera. Markera adressen i adressfältet och kopiera den.";
        },
      );
    });
  }

  // The comment form: closed by the reader's clock once its time is over (the page is stored and
  // can outlive that moment), and given a signed fill-time token when the reader starts writing.
  function wireCommentForm(form) {
    var closesAt = Date.parse(form.getAttribute("data-closes-at") || "");
    if (!isNaN(closesAt) && Date.now() >= closesAt) {
      var closed = document.createElement("p");
      closed.className = "mt-6 font-semibold";
      closed.textContent = "Kommentarerna är stängda.";
      form.replaceWith(closed);
      return false;
    }
    var token = form.querySelector('input[name="formToken"]');
    var asked = false;
    form.addEventListener("focusin", function () {
      if (!token || token.value || asked) return;
      asked = true;
      fetch("/api/kommentarer/token", { cache: "no-store", credentials: "omit" })
        .then(function (res) {
          if (!res.ok) throw new Error(String(res.status));
          return res.text();
        })
        .then(
          function (value) {
            if (!token.value) token.value = value.trim();
          },
          function () {
            asked = false;
          },
        );
    });
    return true;
  }

  // A form bound to a server action posts as a plain form (the page comes back with the answer).
  // Here it is sent in the background instead, and only the form is replaced by its answered
  // self: the reader keeps their place, and reloading the page does not send it again. Whatever
  // goes wrong on the way, the form is submitted the plain way.
  function enhance(form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.DOMParser || !window.FormData) return;
      event.preventDefault();
      if (form.getAttribute("aria-busy") === "true") return;
      var key = form.getAttribute("data-enhance");
      var data = new FormData(form);
      var submitter = event.submitter;
      if (submitter && submitter.name) data.append(submitter.name, submitter.value);
      form.setAttribute("aria-busy", "true");
      var plain = function () {
        form.removeAttribute("aria-busy");
        HTMLFormElement.prototype.submit.call(form);
      };
      fetch(form.action || location.href, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (res) {
          return res.text().then(function (text) {
            return { type: res.headers.get("content-type") || "", text: text };
          });
        })
        .then(function (answer) {
          if (answer.type.indexOf("text/html") !== 0) return plain();
          var doc = new DOMParser().parseFromString(answer.text, "text/html");
          var answered = Array.prototype.filter.call(doc.querySelectorAll("form[data-enhance]"), function (f) {
            return f.getAttribute("data-enhance") === key;
          })[0];
          if (!answered) return plain();
          var fresh = document.importNode(answered, true);
          form.replaceWith(fresh);
          wire(fresh);
          // Where the reader's attention goes: the first field to fix, else the message.
          var target = fresh.querySelector('[aria-invalid="true"]') || fresh.querySelector('[role="alert"]') || fresh.querySelector('[role="status"] > *');
          if (target) {
            if (!target.matches("input, textarea, select, button")) target.setAttribute("tabindex", "-1");
            target.focus();
          }
        }, plain);
    });
  }

  // The answer to a plain POST is rendered with React's runtime, which then runs the forms itself.
  var reactRuns = function () {
    return !!window.__next_f;
  };

  function wire(root) {
    if (root.matches && root.matches("form[data-comment-form]") && !wireCommentForm(root)) return;
    if (root.matches && root.matches("form[data-enhance]") && !reactRuns()) enhance(root);
  }

  function start() {
    document.querySelectorAll("button[data-copy-link]").forEach(wireCopyLink);
    document.querySelectorAll("form[data-comment-form], form[data-enhance]").forEach(wire);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
