import { Alert, Stack, Text } from '@mantine/core';
import * as pdfjs from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The worker is bundled by Vite as its own asset.
pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).toString();

/** Pages drawn at most: a long document is better read after download. */
export const MAX_PDF_PAGES = 50;
const SCALE = 1.3;

/**
 * Draws a PDF's pages on canvases: nothing of the document runs as script or becomes HTML.
 * The file is fetched in one request (no range requests), so one preview is one viewing in the custody log.
 */
export default function PdfPreview({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [pageCount, setPageCount] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const target = container.current;
    const task = pdfjs.getDocument({ url, disableRange: true, disableStream: true, disableAutoFetch: true, isEvalSupported: false, enableXfa: false });
    void (async () => {
      try {
        const pdf = await task.promise;
        if (cancelled) return;
        setPageCount(pdf.numPages);
        for (let number = 1; number <= Math.min(pdf.numPages, MAX_PDF_PAGES) && !cancelled; number += 1) {
          const page = await pdf.getPage(number);
          const viewport = page.getViewport({ scale: SCALE });
          const canvas = document.createElement('canvas');
          const ratio = window.devicePixelRatio || 1;
          canvas.width = Math.floor(viewport.width * ratio);
          canvas.height = Math.floor(viewport.height * ratio);
          canvas.style.width = `${Math.floor(viewport.width)}px`;
          canvas.style.maxWidth = '100%';
          canvas.style.border = '1px solid var(--mantine-color-gray-4)';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', t('evidence.preview.pdfPage', { number, title }));
          canvas.dataset.testid = `pdf-page-${number}`;
          if (cancelled || !target) return;
          target.appendChild(canvas);
          await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
        }
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
      if (target) target.replaceChildren();
    };
  }, [url, title, t]);

  return (
    <Stack gap="xs">
      {failed && <Alert color="red">{t('evidence.preview.failed')}</Alert>}
      {pageCount !== null && (
        <Text size="sm" c="dimmed">
          {pageCount > MAX_PDF_PAGES ? t('evidence.preview.pdfFirstPages', { shown: MAX_PDF_PAGES, total: pageCount }) : t('evidence.preview.pdfPages', { count: pageCount })}
        </Text>
      )}
      <Stack ref={container} gap="sm" align="center" data-testid="pdf-preview" />
    </Stack>
  );
}
