/**
 * Guards the repository's documentation: every relative link in a tracked Markdown file points
 * to a file inside the repository that exists, and an anchor to a heading that exists, so the
 * docs work on a fresh clone. Links with a scheme (https:, mailto:) are not followed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

/** A link as written in a Markdown file, with its 1-based line. */
interface MarkdownLink {
  target: string;
  line: number;
}

/** Blanks fenced code blocks and code spans, keeping line breaks, so their text is no link. */
function withoutCode(markdown: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return markdown
    .replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

/** Inline links and images `[text](target "title")` and reference definitions `[id]: target`. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const text = withoutCode(markdown);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const links: MarkdownLink[] = [];
  for (const match of text.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+["'(][^)]*)?\)/g)) {
    links.push({ target: match[1]!.replace(/^<|>$/g, ''), line: lineOf(match.index) });
  }
  for (const match of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)) {
    links.push({ target: match[1]!.replace(/^<|>$/g, ''), line: lineOf(match.index) });
  }
  return links;
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces → `-`. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const headings = markdown
    .replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, '')
    .matchAll(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm);
  for (const [, heading] of headings) {
    const slug = heading!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** What is wrong with one link of `file` (relative to the repository), or null when it is fine. */
export function linkProblem(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null;
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  if (pathPart.startsWith('/')) return 'is absolute; write it relative to the file';
  const from = path.join(repoRoot, path.dirname(file));
  const resolved =
    pathPart === '' ? path.join(repoRoot, file) : path.resolve(from, decodeURI(pathPart));
  const inside = path.relative(repoRoot, resolved);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return 'leaves the repository';
  if (!existsSync(resolved)) return `points to ${inside}, which does not exist`;
  if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile()) {
    if (!headingAnchors(readFileSync(resolved, 'utf8')).has(anchor.toLowerCase())) {
      return `names #${anchor}, which no heading of ${inside} has`;
    }
  }
  return null;
}

function trackedMarkdownFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--', '*.md'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return out.split('\0').filter((file) => file !== '' && existsSync(path.join(repoRoot, file)));
}

describe('the Markdown link reader', () => {
  it('finds inline links, images and reference definitions, with their lines', () => {
    const markdown = [
      'See [the docs](docs/README.md) and ![a chart](img/chart.png "Chart").',
      '[a page](<with space.md>) and [web](https://example.org)',
      '[ref]: ../elsewhere.md',
    ].join('\n');
    expect(markdownLinks(markdown)).toEqual([
      { target: 'docs/README.md', line: 1 },
      { target: 'img/chart.png', line: 1 },
      { target: 'with space.md', line: 2 },
      { target: 'https://example.org', line: 2 },
      { target: '../elsewhere.md', line: 3 },
    ]);
  });

  it('ignores what looks like a link inside code', () => {
    const markdown = ['```ts', 'const a = x[0](y);', '```', 'Call `f[1](2)` here.'].join('\n');
    expect(markdownLinks(markdown)).toEqual([]);
  });

  it('gives headings the anchors GitHub gives them', () => {
    const markdown = [
      '# Zero trust, as it stands',
      '## The `version` field',
      '## Đợt đánh giá',
      '## Notes',
      '## Notes',
    ].join('\n');
    expect([...headingAnchors(markdown)]).toEqual([
      'zero-trust-as-it-stands',
      'the-version-field',
      'đợt-đánh-giá',
      'notes',
      'notes-1',
    ]);
  });

  it('refuses a link out of the repository, a missing file and a missing anchor', () => {
    expect(linkProblem('README.md', '../shared/DESIGN.md')).toBe('leaves the repository');
    expect(linkProblem('services/ranking/README.md', '../../../shared/DESIGN.md')).toBe(
      'leaves the repository',
    );
    expect(linkProblem('docs/README.md', 'no-such-page.md')).toBe(
      'points to docs/no-such-page.md, which does not exist',
    );
    expect(linkProblem('docs/README.md', '/docs/cycle.md')).toBe(
      'is absolute; write it relative to the file',
    );
    expect(linkProblem('docs/README.md', 'cycle.md#no-such-heading')).toBe(
      'names #no-such-heading, which no heading of docs/cycle.md has',
    );
    expect(linkProblem('docs/README.md', '../README.md')).toBeNull();
    expect(linkProblem('docs/README.md', 'https://example.org/a.md')).toBeNull();
  });
});

describe('the repository documentation', () => {
  const files = trackedMarkdownFiles();

  it('has a docs/ index among its tracked Markdown files', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/README.md']));
  });

  it('links only to files inside the repository that exist', () => {
    const problems = files.flatMap((file) =>
      markdownLinks(readFileSync(path.join(repoRoot, file), 'utf8')).flatMap(({ target, line }) => {
        const problem = linkProblem(file, target);
        return problem ? [`${file}:${line}: (${target}) ${problem}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});
