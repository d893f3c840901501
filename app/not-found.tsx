import { getTranslations } from "next-intl/server";
import Link from "next/link";
import "./globals.css";

/** For addresses outside /en and /fr: both languages, since the page's language is unknown. */
export default async function RootNotFound() {
  const en = await getTranslations({ locale: "en", namespace: "Errors" });
  const fr = await getTranslations({ locale: "fr", namespace: "Errors" });
  return (
    <html lang="en">
      <body>
        <main id="main-content" className="gc-container py-8">
          <h1>{en("notFoundTitle")}</h1>
          <p>
            <Link href="/en">{en("backHome")}</Link>
          </p>
          <div lang="fr">
            <h2>{fr("notFoundTitle")}</h2>
            <p>
              <Link href="/fr">{fr("backHome")}</Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
