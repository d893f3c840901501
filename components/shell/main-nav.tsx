"use client";

import { useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import type { SectionKey } from "@/lib/navigation/sections";

export function MainNav({ items }: { items: { key: SectionKey; href: string }[] }) {
  const t = useTranslations("Nav");
  const shell = useTranslations("Shell");
  const pathname = usePathname();
  return (
    <nav aria-label={shell("mainNavigation")} className="bg-gc-light border-b border-gc-border">
      <ul className="gc-container flex flex-wrap gap-x-1 py-1">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block px-3 py-2 font-semibold no-underline hover:underline ${
                  current ? "bg-gc-primary text-white hover:text-white" : "text-gc-text"
                }`}
              >
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
