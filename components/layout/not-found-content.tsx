import Link from "next/link";

export function NotFoundContent() {
  return (
    <div className="max-w-2xl py-8">
      <h1 className="text-3xl font-bold md:text-4xl">Sidan finns inte</h1>
      <p className="mt-4 text-lg text-slate-700">
        Vi hittar ingen sida på den här adressen. Den kan ha flyttats, tagits bort eller så är adressen felstavad.
      </p>
      <h2 className="mt-8 text-xl font-bold">Du kan i stället</h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          <Link href="/">gå till startsidan</Link>
        </li>
        <li>
          <Link href="/nyheter">läsa de senaste nyheterna</Link>
        </li>
        <li>
          <Link href="/intervjuer">läsa intervjuer</Link>
        </li>
        <li>
          <Link href="/kommuner">hitta din kommun</Link>
        </li>
      </ul>
    </div>
  );
}
