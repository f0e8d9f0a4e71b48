/** The badge over results of older code, while the model reruns the editor's. */
export function OutOfDate({ what = 'the model is rerunning your edited program' }: { what?: string }) {
  return (
    <p className="el-outdated-badge" role="status" data-testid="eventloop.outdated">
      <span className="spinner" aria-hidden="true" /> Out of date: {what}…
    </p>
  );
}
