// A file the page loads (the Web Chat bundle, the widget's script and styles): sent with an ETag,
// compressed once with brotli or gzip as the browser accepts, and cached for good at its
// versioned address (`?v=` the content's hash), so a returning visitor loads nothing and a new
// deploy's file has a new address.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

export interface StaticAsset {
  readonly path: string;
  /** The address to put in the page: the path with the content's version. */
  readonly url: string;
  send(req: Request, res: Response): Promise<void>;
}

/** The encodings an Accept-Encoding header allows, best first; identity is always allowed. */
export function acceptedEncoding(header: string | undefined): Encoding {
  const allowed = new Set(
    (header ?? '')
      .split(',')
      .map((entry) => entry.split(';').map((part) => part.trim().toLowerCase()))
      .filter(([, ...parameters]) => !parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter)))
      .map(([name]) => name),
  );
  if (allowed.has('br')) return 'br';
  if (allowed.has('gzip')) return 'gzip';
  return 'identity';
}

export function staticAsset(pathname: string, body: string | Buffer, type: string): StaticAsset {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const version = createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
  // Compressed on first asking, once per process: most starts (and every test) never serve it.
  const encoded = new Map<Encoding, Promise<Buffer>>([['identity', Promise.resolve(bytes)]]);
  const encode = (encoding: Encoding): Promise<Buffer> => {
    let found = encoded.get(encoding);
    if (!found) {
      found =
        encoding === 'br'
          ? brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
          : gzipped(bytes, { level: 9 });
      encoded.set(encoding, found);
    }
    return found;
  };
  return {
    path: pathname,
    url: `${pathname}?v=${version}`,
    async send(req, res) {
      const encoding = acceptedEncoding(req.header('accept-encoding'));
      const etag = `"${version}${encoding === 'identity' ? '' : `-${encoding}`}"`;
      const asked = new URL(req.url ?? '/', 'http://asset').searchParams.get('v');
      const headers: Record<string, string> = {
        'Content-Type': type,
        // At its versioned address the content never changes; at the bare one it may, after a deploy.
        'Cache-Control': asked === version ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        ETag: etag,
        Vary: 'Accept-Encoding',
        'X-Content-Type-Options': 'nosniff',
      };
      const known = (req.header('if-none-match') ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
      if (known.includes(etag) || known.includes('*')) {
        res.sendRaw(304, '', headers);
        return;
      }
      const payload = await encode(encoding);
      res.sendRaw(200, payload, encoding === 'identity' ? headers : { ...headers, 'Content-Encoding': encoding });
    },
  };
}
