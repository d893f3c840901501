import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Options are built per request so that nothing reads the environment at build time.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions(request))(request, context);
}

export { handler as GET, handler as POST };
