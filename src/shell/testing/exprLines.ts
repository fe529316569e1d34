// Test support (not used by the app): expr lines that the differential tests run through the lab
// and through the real expr, GNU's (expr.differential.test.ts) and busybox's (busyboxExpr.differential.test.ts).

/** Lines as typed at a bash prompt: the operators quoted for the shell. */
export const EXPR_LINES = [
  'expr 1 + 2', 'expr 5 - 7', "expr 3 '*' 4", 'expr 7 / 2', 'expr -7 / 2', 'expr 7 % 3', 'expr -7 % 3', 'expr 1 / 0', 'expr 1 % 0', 'expr a + 1', 'expr 1 + a',
  "expr 10 '<' 9", "expr a '<' b", 'expr 10 = 10', 'expr 010 = 10', 'expr abc = abc', 'expr 1 == 1', 'expr 2 != 3', "expr 3 '>=' 3", "expr 3 '>' 20", "expr 3 '<=' 20",
  "expr 0 '|' 5", "expr 3 '|' 5", "expr '' '|' 0", "expr '' '|' ''", "expr 0 '&' 5", "expr 3 '&' 5", "expr 3 '&' 0", "expr 0 '|' 1 / 0", "expr 1 '|' 1 / 0",
  "expr 0 '&' 1 / 0", "expr abc : 'a\\(.\\)c'", "expr abc : 'a.'", "expr abc : x", "expr abc : 'x\\(.\\)'", "expr match abc 'a.'", 'expr substr hello 2 3',
  'expr substr hello 0 2', 'expr substr hello 2 99', 'expr substr hello 6 1', 'expr substr hello x 1', 'expr substr hello 2 -1', 'expr index hello l', 'expr index hello zl',
  'expr index hello z', 'expr length hello', "expr length ''", 'expr + length', 'expr quote length', "expr '(' 1 + 2 ')' '*' 3", "expr 1 + 2 '*' 3", 'expr', 'expr 1 +',
  'expr 1 2', "expr '(' 1", "expr '(' 1 2", "expr ')'", 'expr 9999999999999999999 + 1', 'expr -- 1 + 1', 'expr 1 + 1 1', 'expr x', 'expr 0', "expr ''", 'expr -0',
  'expr 00', 'expr -', 'expr +1 + 1', "expr ' 1' + 1", 'expr length', 'expr substr a', 'expr 1 : 1', 'expr 12 + -3', "expr a '<' 10", "expr 9 '<' 10", 'expr abc : b',
  "expr abc : '.*'", "expr '' : ''", "expr a '|' b", "expr abc : '^a'", "expr a : '\\('", "expr aaa : 'a*'", "expr hello : 'h\\(e*\\)l'", 'expr index abc ""',
  'expr 2 - 1 - 1', 'expr 100 / 10 / 5', 'expr length 12345 + 1', 'expr -x', 'expr --foo', 'expr --version | head -1', 'expr 5; echo "status $?"', 'expr 0; echo "status $?"',
  'expr 1 / 0; echo "status $?"', 'expr 1 +; echo "status $?"', 'i=0; while [ $i -lt 3 ]; do i=$(expr $i + 1); echo $i; done',
]

