import { ComingSoon } from "@/components/shell/coming-soon";

export default function Page({ params }: PageProps<"/[locale]/update-calls">) {
  return <ComingSoon params={params} section="updateCalls" permission="meeting.manage" />;
}
