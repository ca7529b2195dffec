import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppAppBar } from './AppBar';
import { AppMenu } from './AppMenu';

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={AppAppBar} menu={AppMenu}>
      {children}
    </Layout>
  );
}
