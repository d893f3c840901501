import { Breadcrumbs, type Crumb } from "./breadcrumbs";

/** Breadcrumbs and the page's one h1; `trail` excludes Home and ends with this page. */
export function PageHeader({ title, trail, children }: { title: string; trail: Crumb[]; children?: React.ReactNode }) {
  return (
    <div className="mb-6">
      <Breadcrumbs trail={trail} />
      <h1>{title}</h1>
      {children}
    </div>
  );
}
