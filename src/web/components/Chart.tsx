import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useT } from '../i18n';
import { Button } from './Button';
import { Loading } from './States';

const EChart = lazy(() => import('./EChart'));

export type ChartOption = EChartsCoreOption;

/** Chart colours from the Utrecht palette (contrast ≥ 3:1 against white for the data marks). */
export const chartColors = {
  realised: 'hsl(211, 60%, 35%)',
  pipeline: 'hsl(32, 95%, 38%)',
  ambition: 'hsl(150, 45%, 30%)',
  target: 'hsl(0, 0%, 25%)',
};

interface ChartFigureProps {
  id: string;
  option: ChartOption;
  /** Accessible name of the chart image. */
  label: string;
  height?: number;
  caption: ReactNode;
  /** The same data as a table; visually hidden until the user asks for it, always in the DOM. */
  table: ReactNode;
}

/** An ECharts chart with an accessible name, plus its data table and a button to show that table. */
export function ChartFigure({ id, option, label, height = 320, caption, table }: ChartFigureProps) {
  const t = useT();
  const [showTable, setShowTable] = useState(false);
  return (
    <figure className="eh-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="eh-visually-hidden">
        {caption}
      </figcaption>
      <Suspense fallback={<Loading />}>
        <EChart option={option} label={label} height={height} />
      </Suspense>
      <Button
        appearance="subtle"
        className="eh-figure__toggle"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable((shown) => !shown)}
      >
        {showTable ? t('common.hideTable') : t('common.showTable')}
      </Button>
      <div id={`${id}-table`} className={showTable ? 'eh-figure__table' : 'eh-visually-hidden'}>
        {table}
      </div>
    </figure>
  );
}
