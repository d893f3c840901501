import { ComingSoon } from "@/components/shell/coming-soon";

export default function Page({ params }: PageProps<"/[locale]/initiatives">) {
  return <ComingSoon params={params} section="initiatives" permission="portal.read" />;
}
