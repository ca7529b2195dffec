import { useLocaleState } from 'react-admin';

/**
 * Y axes of money charts: values stay in fen, ticks read in yuan, large ones as 万 (ten thousand)
 * in Chinese and k in English.
 */
export function useYuanAxis() {
  const [locale] = useLocaleState();
  const chinese = locale.startsWith('zh');
  return {
    width: 72,
    tickFormatter: (fen: number) => {
      const yuan = fen / 100;
      if (chinese && Math.abs(yuan) >= 10_000) return `¥${(yuan / 10_000).toFixed(1)}万`;
      if (!chinese && Math.abs(yuan) >= 1_000) return `¥${(yuan / 1_000).toFixed(0)}k`;
      return `¥${Math.round(yuan)}`;
    },
  };
}
