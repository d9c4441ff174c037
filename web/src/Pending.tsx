import { ErrorNotice } from './ErrorNotice.tsx';

/** What a page shows for a polled resource before it has data: its error, or a placeholder of `height` pixels while it loads. */
export function Pending({ polled, height }: { polled: { data: unknown; error: unknown }; height: number }) {
  return (
    <>
      <ErrorNotice error={polled.error} />
      {!polled.data && !polled.error && <div className="skeleton" style={{ height }} aria-busy="true" />}
    </>
  );
}
