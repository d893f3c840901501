import { Footer } from "./footer";
import { Header } from "./header";
import { SkipLink } from "./skip-link";

/** The page frame shared by signed-in and signed-out pages. */
export function PortalFrame({ headerExtra, nav, children }: { headerExtra?: React.ReactNode; nav?: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <Header>{headerExtra}</Header>
      {nav}
      <main id="main-content" tabIndex={-1} className="gc-container flex-1 py-6 focus:outline-none">
        {children}
      </main>
      <Footer />
    </>
  );
}
