import { ConflictError, NotFoundError, ValidationError } from '../core/index.ts';

export class ArticleNotFoundError extends NotFoundError {
  override name = 'ArticleNotFoundError';
  constructor(slug: string) {
    super(`No knowledge-base article ${JSON.stringify(slug)}.`, { metaMessages: ['List articles with `opsdesk kb list` or GET /api/kb/articles.'], context: { slug } });
  }
}

export class ArticleInvalidError extends ValidationError {
  override name = 'ArticleInvalidError';
  constructor(where: string, problems: readonly string[]) {
    super(`The article ${where} is not valid.`, {
      metaMessages: [...problems, 'See docs/kb.md for the front matter fields and sections.'],
      context: { where, problems },
    });
  }
}

export class ArticleVersionConflictError extends ConflictError {
  override name = 'ArticleVersionConflictError';
  constructor(slug: string, expected: number, actual: number) {
    super(`Article ${slug} is at version ${actual}, not ${expected}.`, {
      metaMessages: ['Someone else edited it; reload the article and apply your change again.'],
      context: { slug, expected, actual },
    });
  }
}

export class KbDirMissingError extends NotFoundError {
  override name = 'KbDirMissingError';
  constructor(dir: string) {
    super(`The knowledge-base directory ${dir} does not exist.`, { metaMessages: ['Set kb.dir in the config file or OPSDESK_KB_DIR to the folder of the Markdown articles.'], context: { dir } });
  }
}

export class DeflectionSessionNotFoundError extends NotFoundError {
  override name = 'DeflectionSessionNotFoundError';
  constructor(id: string) {
    super(`No deflection session ${JSON.stringify(id)}.`, { metaMessages: ['Sessions are created by POST /api/kb/deflection/suggest.'], context: { id } });
  }
}
