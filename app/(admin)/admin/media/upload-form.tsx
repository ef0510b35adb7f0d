"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { FormMessage, TextField } from "@/components/admin/form";
import { buttonClass } from "@/components/admin/styles";
import { ACCEPTED_IMAGE_TYPES, uploadErrorMessage, type MediaJson } from "@/lib/validation/media";

// Upload to the media library. Without JavaScript this is a plain multipart post to the route
// handler, which redirects back. With JavaScript the same form is sent with XMLHttpRequest
// (fetch cannot report upload progress), progress and errors are announced, and typed text stays.

type Props = {
  maxMb: number;
  values: { alt: string; caption: string; credit: string };
  error?: string;
  fieldErrors?: Record<string, string>;
};

const FILE_ID = "falt-file";

type Answer = Partial<MediaJson> & { error?: string; fieldErrors?: Record<string, string> };

export function UploadForm({ maxMb, values, error: serverError, fieldErrors: serverFieldErrors = {} }: Props) {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState(serverError);
  const [fieldErrors, setFieldErrors] = useState(serverFieldErrors);
  const [fileError, setFileError] = useState(serverError && !Object.keys(serverFieldErrors).length ? serverError : undefined);
  const [progress, setProgress] = useState<number | null>(null);

  function refuse(message: string, fields: Record<string, string> = {}, onFile = true) {
    setProgress(null);
    setError(message);
    setFieldErrors(fields);
    setFileError(onFile ? (fields.file ?? message) : undefined);
    if (onFile) fileInput.current?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return refuse(uploadErrorMessage("ingen-fil"));
    if (file.size > maxMb * 1024 * 1024) return refuse(uploadErrorMessage("for-stor", maxMb));
    setError(undefined);
    setFieldErrors({});
    setFileError(undefined);
    setProgress(0);

    const request = new XMLHttpRequest();
    request.open("POST", event.currentTarget.action);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    // Whole tens, so a screen reader announces ten steps rather than a hundred.
    request.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.floor((e.loaded / e.total) * 10) * 10);
    request.onerror = () => refuse("Uppladdningen avbröts. Kontrollera anslutningen och försök igen.", {}, false);
    request.onload = () => {
      const body = request.response as Answer | null;
      if ((request.status === 200 || request.status === 201) && body?.id) {
        router.push(`/admin/media/${body.id}?${request.status === 201 ? "uppladdad=1" : "fanns=1"}`);
        return;
      }
      const fields = body?.fieldErrors ?? {};
      const onFile = !body?.fieldErrors || "file" in fields;
      refuse(body?.error ?? "Uppladdningen misslyckades. Försök igen.", fields, onFile);
    };
    request.send(new FormData(event.currentTarget));
  }

  const hintId = `${FILE_ID}-hjalp`;
  const errorId = `${FILE_ID}-fel`;
  return (
    <form action="/admin/media/ladda-upp" method="post" encType="multipart/form-data" noValidate onSubmit={submit} className="mt-4 grid max-w-2xl gap-4">
      <FormMessage state={{ error }} />
      <div>
        <label htmlFor={FILE_ID} className="block font-semibold">
          Bildfil<span className="font-normal text-slate-700"> (obligatoriskt)</span>
        </label>
        <input
          ref={fileInput}
          id={FILE_ID}
          name="file"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          aria-required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[hintId, fileError ? errorId : ""].filter(Boolean).join(" ")}
          className="mt-1 block w-full rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-red-700"
        />
        <p id={hintId} className="mt-1 text-sm text-slate-700">
          JPEG, PNG, WebP eller AVIF, högst {maxMb} MB. Platsuppgifter och annan dold information i filen tas bort.
        </p>
        {fileError ? (
          <p id={errorId} className="mt-1 text-sm font-semibold text-red-800">
            {fileError}
          </p>
        ) : null}
      </div>
      <TextField
        name="alt"
        label="Alternativtext"
        defaultValue={values.alt}
        error={fieldErrors.alt}
        hint="Beskriv vad bilden visar för den som inte kan se den. Bilden kan inte användas förrän den har en alternativtext; du kan skriva den nu eller senare."
      />
      <TextField name="caption" label="Bildtext" rows={2} defaultValue={values.caption} error={fieldErrors.caption} />
      <TextField name="credit" label="Fotograf eller källa" defaultValue={values.credit} error={fieldErrors.credit} placeholder="Förnamn Efternamn" hint="Visas efter bildtexten med ”Foto:” före, om du inte själv börjar med till exempel ”Illustration:”." />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={progress !== null} className={buttonClass("primary")}>
          {progress === null ? "Ladda upp" : "Laddar upp …"}
        </button>
        <div aria-live="polite" className="text-sm">
          {progress !== null ? (
            <>
              <progress value={progress} max={100} aria-label="Uppladdning" className="mr-2 align-middle" />
              {progress < 100 ? `${progress} % uppladdat` : "Bilden bearbetas …"}
            </>
          ) : null}
        </div>
      </div>
    </form>
  );
}
