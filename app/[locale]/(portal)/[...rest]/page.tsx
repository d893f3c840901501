import { notFound } from "next/navigation";

// Any unknown path under /en or /fr gets the not-found page of its language, inside the shell.
export default function UnknownPage() {
  notFound();
}
