import { ComingSoon } from "@/components/shell/coming-soon";

export default function Page({ params }: PageProps<"/[locale]/action-items">) {
  return <ComingSoon params={params} section="actionItems" permission="portal.read" />;
}
