import { ComingSoon } from "@/components/shell/coming-soon";

export default function Page({ params }: PageProps<"/[locale]/meetings">) {
  return <ComingSoon params={params} section="meetings" permission="portal.read" />;
}
