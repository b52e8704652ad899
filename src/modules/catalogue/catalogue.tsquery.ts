/**
 * PostgreSQL text-search values in JavaScript (ADR 0067), pure and without I/O. PostgreSQL stays the one place that
 * stems words (to_tsvector, to_tsquery with our cl_dutch and cl_english configurations); this module reads what it
 * returns, so the in-memory index matches and ranks the way `@@` and ts_rank do.
 */

/** A parsed tsquery: operands are stemmed lexemes, optionally prefixes (`'subsidi':*`). */
export type QueryNode =
  | { op: "lexeme"; lexeme: string; prefix: boolean }
  | { op: "and" | "or"; children: QueryNode[] }
  | { op: "not"; child: QueryNode };

/** One lexeme of a tsvector with its positions' weights, 3 = A … 0 = D, in position order. */
export type VectorEntry = { lexeme: string; weights: number[] };

const WEIGHT_INDEX: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/** Reads a tsvector's text output: `'houtrecycl':2A,4A,16B 'kennis':61`. */
export function parseTsvector(text: string): VectorEntry[] {
  const entries: VectorEntry[] = [];
  const pattern = /'((?:[^'\\]|''|\\.)*)'(?::([0-9A-D,]+))?/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const positions = match[2];
    const weights: number[] = [];
    if (positions)
      // Each position is digits with an optional weight letter; no letter is weight D.
      for (let at = 0; at <= positions.length; at++) {
        const char = positions[at];
        if (char === "," || char === undefined) {
          const letter = positions[at - 1]!;
          weights.push(WEIGHT_INDEX[letter] ?? 0);
        }
      }
    // A lexeme without positions counts as one occurrence of weight D, as in PostgreSQL's ranking.
    entries.push({ lexeme: unquote(match[1]!), weights: weights.length ? weights : [0] });
  }
  return entries;
}

function unquote(quoted: string): string {
  if (!quoted.includes("'") && !quoted.includes("\\")) return quoted;
  return quoted.replace(/''/g, "'").replace(/\\(.)/g, "$1");
}

/**
 * Reads a tsquery's text output: `'subsidi':* | ( 'ket':* & 'samenwerk':* )`. Phrase operators (`<->`) count as AND:
 * our query words are single tokens, so a phrase only arises from a hyphenated word, where AND is close enough.
 * An empty text (every word a stopword) gives undefined: it matches nothing.
 */
export function parseTsquery(text: string): QueryNode | undefined {
  const tokens = text.match(/'(?:[^'\\]|''|\\.)*'(?::[*A-D]+)?|<\d*-?>|[&|!()]/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];

  function parseOr(): QueryNode {
    const children = [parseAnd()];
    while (peek() === "|") {
      at++;
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0]! : { op: "or", children };
  }
  function parseAnd(): QueryNode {
    const children = [parseUnary()];
    while (peek() === "&" || peek()?.startsWith("<")) {
      at++;
      children.push(parseUnary());
    }
    return children.length === 1 ? children[0]! : { op: "and", children };
  }
  function parseUnary(): QueryNode {
    const token = tokens[at++];
    if (token === "!") return { op: "not", child: parseUnary() };
    if (token === "(") {
      const inner = parseOr();
      if (tokens[at++] !== ")") throw new Error(`unbalanced tsquery: ${text}`);
      return inner;
    }
    if (!token?.startsWith("'")) throw new Error(`unexpected ${token ?? "end"} in tsquery: ${text}`);
    const close = token.lastIndexOf("'");
    return { op: "lexeme", lexeme: unquote(token.slice(1, close)), prefix: token.slice(close).includes("*") };
  }

  if (tokens.length === 0) return undefined;
  const node = parseOr();
  if (at !== tokens.length) throw new Error(`trailing tokens in tsquery: ${text}`);
  return node;
}

/** The distinct lexeme operands of a query, as ts_rank counts them. */
export function queryOperands(node: QueryNode | undefined, into = new Map<string, QueryNode>()) {
  if (!node) return into;
  if (node.op === "lexeme") into.set(`${node.lexeme}${node.prefix ? ":*" : ""}`, node);
  else if (node.op === "not") queryOperands(node.child, into);
  else for (const child of node.children) queryOperands(child, into);
  return into;
}

// ts_rank's default weights for D, C, B and A.
const RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0];
// The limit of the sum of 1/i², by which PostgreSQL divides each lexeme's score.
const SUM_INVERSE_SQUARES = 1.64493406685;

/**
 * One lexeme's share of ts_rank for one document (PostgreSQL's calc_rank_or, before it divides by the number of
 * query operands): every occurrence counts, later ones less, the heaviest one in full.
 */
export function lexemeRankShare(weights: number[]): number {
  let sum = 0;
  let heaviest = -1;
  let heaviestAt = 0;
  weights.forEach((weight, index) => {
    const value = RANK_WEIGHTS[weight]!;
    sum += value / ((index + 1) * (index + 1));
    if (value > heaviest) {
      heaviest = value;
      heaviestAt = index;
    }
  });
  return (heaviest + sum - heaviest / ((heaviestAt + 1) * (heaviestAt + 1))) / SUM_INVERSE_SQUARES;
}
