import { ComingSoon } from "@/components/shell/coming-soon";

export default function Page({ params }: PageProps<"/[locale]/funding">) {
  return <ComingSoon params={params} section="funding" permission="portal.read" />;
}
