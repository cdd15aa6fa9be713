import { splitStatements } from '../../src/db/migrate';

/** A migration file is run one statement at a time: where the splitter cuts decides what runs. */
describe('splitting a migration file into statements', () => {
  it.each([
    ['one statement', 'CREATE TABLE a (id int);', ['CREATE TABLE a (id int)']],
    [
      'two statements',
      'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n',
      ['CREATE TABLE a (id int)', 'CREATE TABLE b (id int)'],
    ],
    [
      'a semicolon inside a line does not cut',
      "INSERT INTO a VALUES ('x;y');",
      ["INSERT INTO a VALUES ('x;y')"],
    ],
    ['comments are dropped, even one ending in a semicolon', '-- note;\nSELECT 1; -- done;\n', ['SELECT 1']],
    ['no final semicolon', 'SELECT 1;\nSELECT 2', ['SELECT 1', 'SELECT 2']],
    [
      'a $$ body is one statement',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  UPDATE a SET id = 1;\n  RETURN NULL;\nEND $$;\nCREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();',
      [
        'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  UPDATE a SET id = 1;\n  RETURN NULL;\nEND $$',
        'CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()',
      ],
    ],
    ['blank input', '\n\n', []],
  ])('%s', (_what, text, expected) => {
    expect(splitStatements(text)).toEqual(expected);
  });
});
