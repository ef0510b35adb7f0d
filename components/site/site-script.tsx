/**
 * public/js/site.js, for the components that need it (the copy-link button, the comment and
 * alert forms): public pages carry no React runtime (decision 027). Async, so React puts it in
 * the head once however many components ask; the script itself waits for the document.
 */
export function SiteScript() {
  return <script src="/js/site.js" async data-site-script="" />;
}
