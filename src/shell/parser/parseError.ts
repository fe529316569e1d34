// The parser's syntax error (scanner.ts, parser.ts and the grammar's other parts throw it).

/** Thrown inside the parser only; `parse()` turns it into a value. */
export class ParseError {
  constructor(
    readonly message: string,
    readonly incomplete = false,
    /** bash leaves `$?` as it was after this error (those of `[[ ]]`); the message may be empty. */
    readonly keepStatus = false,
  ) {}
}
