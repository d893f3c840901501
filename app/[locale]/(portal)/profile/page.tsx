import { ComingSoon } from "@/components/shell/coming-soon";

export default function Page({ params }: PageProps<"/[locale]/profile">) {
  return <ComingSoon params={params} section="profile" permission="portal.read" />;
}
