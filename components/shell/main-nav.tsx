"use client";

import { usePathname } from "next/navigation";
import { Link } from "@/lib/i18n/link";
import type { SectionKey } from "@/lib/navigation/sections";

/** The sections, the current one marked; labels come from the server (see the portal layout). */
export function MainNav({ items, label }: { items: { key: SectionKey; href: string; label: string }[]; label: string }) {
  const pathname = usePathname().replace(/^\/(en|fr)(?=\/|$)/, "") || "/";
  return (
    <nav aria-label={label} className="bg-gc-light border-b border-gc-border">
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
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
