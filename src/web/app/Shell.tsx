import { AppShell, Box, Center } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { SessionContext, useMe } from '../features/auth/session';
import { ApiError } from './api';
import { HeaderBar } from './HeaderBar';
import { MainNav } from './MainNav';
import classes from './Shell.module.css';
import { ErrorState, PageLoader } from './states';

/** The signed-in layout: header, the improvement-cycle navigation and the page. */
export function Shell() {
  const session = useMe();
  const location = useLocation();
  const [navOpen, nav] = useDisclosure(false);

  const firstPage = useRef(true);

  // A new page closes the mobile menu and moves focus to the page, so keyboard and screen reader
  // users start at the new content rather than on the link they used.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    nav.close();
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);

  if (session.isPending) return <PageLoader label="Opening the platform…" />;
  if (session.error) {
    if (session.error instanceof ApiError && session.error.status === 401) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <Center p="xl">
        <Box maw={560}>
          <ErrorState error={session.error} onRetry={() => session.refetch()} />
        </Box>
      </Center>
    );
  }

  return (
    <SessionContext value={session.data}>
      {/* New pages open at the top; links to a section (#api-tokens) scroll to it. */}
      <ScrollRestoration />
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header>
          <HeaderBar navOpen={navOpen} onToggleNav={nav.toggle} />
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label="Main">
          <MainNav />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
          <Box maw={1180} mx="auto">
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
    </SessionContext>
  );
}
