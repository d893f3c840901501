import { ComingSoon } from "@/components/shell/coming-soon";

export default function Page({ params }: PageProps<"/[locale]/admin">) {
  return <ComingSoon params={params} section="administration" permission="admin.manage" />;
}
