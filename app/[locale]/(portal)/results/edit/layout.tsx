// Forms here translate on the client (see ClientMessagesLayout).
export { ClientMessagesLayout as default } from "@/components/providers/client-messages";
