import { ConflictError, NotFoundError, TimeoutError, UnavailableError, ValidationError } from '../core/index.ts';

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

export class SeriesFileNotFoundError extends NotFoundError {
  override name = 'SeriesFileNotFoundError';
  constructor(file: string) {
    super(`Cannot read ${file}: no such file.`, { metaMessages: ['Give the path of a CSV file with a `timestamp,value` header, or - for standard input.'], context: { file } });
  }
}

export class ChannelDeliveryError extends UnavailableError {
  override name = 'ChannelDeliveryError';
  constructor(channel: string, reason: string, cause?: unknown) {
    super(`Channel ${channel}: ${reason}.`, { metaMessages: ['Check the channel target with GET /api/monitor/channels; the alert itself is stored either way.'], context: { channel }, ...(cause === undefined ? {} : { cause }) });
  }
}

export class AlertStateError extends ConflictError {
  override name = 'AlertStateError';
  constructor(id: string, status: string, action: string) {
    super(`Alert ${id} is ${status} and cannot be ${action}.`, { metaMessages: ['A resolved alert stays resolved; if the problem is back, the next report opens a new alert.'], context: { id, status } });
  }
}

export class AlertRaceError extends ConflictError {
  override name = 'AlertRaceError';
  constructor(fingerprint: string, attempts: number) {
    super(`The alert ${fingerprint} changed under ${attempts} tries in a row while this report was raised.`, { metaMessages: ['Other replicas are raising or resolving the same alert right now; send the report again.'], context: { fingerprint, attempts } });
  }
}

export class ChannelNotFoundError extends NotFoundError {
  override name = 'ChannelNotFoundError';
  constructor(id: string) {
    super(`No channel ${id}.`, { metaMessages: ['List channels with GET /api/monitor/channels.'], context: { id } });
  }
}

export class MonitorNotFoundError extends NotFoundError {
  override name = 'MonitorNotFoundError';
  constructor(idOrName: string) {
    super(`No monitor ${idOrName}.`, { metaMessages: ['List monitors with `opsdesk monitor list` or GET /api/monitor/monitors.'], context: { monitor: idOrName } });
  }
}

export class MonitorNameTakenError extends ConflictError {
  override name = 'MonitorNameTakenError';
  constructor(name: string, id: string) {
    super(`A monitor named ${JSON.stringify(name)} already exists (${id}).`, { metaMessages: ['Pick another name, or remove the existing monitor first.'], context: { name, id } });
  }
}

export class MonitorRunTimeoutError extends TimeoutError {
  override name = 'MonitorRunTimeoutError';
  constructor(monitor: string, timeoutMs: number) {
    super(`Monitor ${monitor} did not finish within ${timeoutMs} ms.`, { metaMessages: ['Raise monitor.runTimeoutMs, or lower the probe timeouts of this monitor.'], context: { monitor, timeoutMs } });
  }
}

export class MonitorTargetError extends ValidationError {
  override name = 'MonitorTargetError';
  constructor(monitor: string, reason: string) {
    super(`Monitor ${monitor} cannot run: ${reason}.`, { metaMessages: ['Fix the definition (remove and add it again) or the chains configuration.'], context: { monitor } });
  }
}
