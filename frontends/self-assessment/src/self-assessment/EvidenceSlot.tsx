/**
 * Where a leaf's evidence files go: the evidence panel (`../evidence`), loaded lazily and mounted
 * only once the leaf comes near the screen, so opening a 150-leaf page neither loads the upload
 * code before the first input nor asks the evidence service 150 times. Until then it says how
 * many files the leaf has (the count the page read).
 */
import { Suspense, lazy, memo, useEffect, useRef, useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';

const EvidencePanel = lazy(() =>
  import('../evidence').then((module) => ({ default: module.EvidencePanel })),
);

export interface EvidenceSlotProps {
  periodId: string;
  criterionCode: string;
  readOnly: boolean;
  minFiles: number;
  maxFiles: number;
  count: number;
  onCountChange: (count: number) => void;
}

export const EvidenceSlot = memo(function EvidenceSlot({ count, ...panel }: EvidenceSlotProps) {
  const { t } = useTranslation(ns);
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (seen) => {
        if (seen.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  const placeholder = (
    <Typography.Text type="secondary" data-testid={`evidence-count-${panel.criterionCode}`}>
      {t('evidence.count', { count, min: panel.minFiles, max: panel.maxFiles })}
    </Typography.Text>
  );
  return (
    <div ref={ref} onFocus={() => setNear(true)}>
      {near ? (
        <Suspense fallback={placeholder}>{<EvidencePanel {...panel} />}</Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
});
