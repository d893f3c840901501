import { ComingSoon } from "@/components/shell/coming-soon";

export default function Page({ params }: PageProps<"/[locale]/dashboard">) {
  return <ComingSoon params={params} section="dashboard" permission="portal.read" />;
}
