import type { ReactNode } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

/** The frame of every task screen: the app-bar title, a page heading and room for actions. */
export function ScreenPage({
  titleKey,
  actions,
  children,
}: {
  titleKey: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const translate = useTranslate();
  const title = translate(titleKey);
  return (
    <Box component="main" sx={{ p: { xs: 1, md: 2 }, maxWidth: 1500 }}>
      <Title title={title} />
      <Stack
        direction="row"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        gap={1}
        sx={{ mb: 2 }}
      >
        <Typography variant="h6" component="h1">
          {title}
        </Typography>
        {actions}
      </Stack>
      <Stack spacing={2}>{children}</Stack>
    </Box>
  );
}

/** A titled block on a screen (a paper card with a heading). */
export function Section({
  title,
  actions,
  children,
}: {
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box
      component="section"
      aria-label={title}
      sx={{ p: 2, bgcolor: 'background.paper', borderRadius: 1, boxShadow: 1 }}
    >
      {(title || actions) && (
        <Stack
          direction="row"
          alignItems="center"
          justifyContent="space-between"
          flexWrap="wrap"
          gap={1}
          sx={{ mb: 1.5 }}
        >
          {title && (
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              {title}
            </Typography>
          )}
          {actions}
        </Stack>
      )}
      {children}
    </Box>
  );
}
