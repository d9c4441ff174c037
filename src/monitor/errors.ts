import { NotFoundError, ValidationError } from '../core/index.ts';

export class SeriesCsvInvalidError extends ValidationError {
  override name = 'SeriesCsvInvalidError';
  constructor(file: string, line: number, reason: string) {
    super(`${file}, line ${line}: ${reason}`, {
      metaMessages: ['Expected a header, then one row per point: a timestamp in the first column and a number in the second (the NAB layout `timestamp,value`).'],
      context: { file, line },
    });
  }
}

export class SloInvalidError extends ValidationError {
  override name = 'SloInvalidError';
  constructor(reason: string) {
    super(`Invalid SLO: ${reason}`, { metaMessages: ['An objective is a ratio between 0 and 1 exclusive (0.999 for 99.9%), over a window of at least one day.'] });
  }
}

export class AlertNotFoundError extends NotFoundError {
  override name = 'AlertNotFoundError';
  constructor(id: string) {
    super(`No alert ${id}.`, { metaMessages: ['List alerts with `opsdesk monitor alerts` or GET /api/monitor/alerts.'], context: { id } });
  }
}

export class SilenceNotFoundError extends NotFoundError {
  override name = 'SilenceNotFoundError';
  constructor(id: string) {
    super(`No silence ${id}.`, { metaMessages: ['List silences with GET /api/monitor/silences.'], context: { id } });
  }
}
