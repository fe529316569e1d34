# seed: 1
# A bash started with -c or reading standard input names its messages and lines; an unset variable
# ends a script that is not interactive (127 after -c, 2 in dash); grep -r; unset -f, and a
# function defined in a subshell staying there; openssl dgst; kubectl's required --clusterrole.
# Checked by hand: each shell line against bash 5.2, dash, GNU grep 3.8 and OpenSSL 3.0.19 run on
# the same files; the kubectl line against create_clusterrolebinding.go (MarkFlagRequired) and
# upstream kubectl's main (CheckErr).
bash -c 'nosuch' myname
bash -c $'echo ok\nif then'; echo "status $?"
bash -c 'f() { nosuch; }; f'
printf 'echo a\nnosuch\n' | bash
bash -c $'set -u\necho $NOPE\necho after'; echo "status $?"
sh -c $'echo ${y:?oops}\necho after'; echo "status $?"
mkdir -p d/sub && echo 'hello a' > d/f1 && echo 'hello b' > d/sub/f2 && echo nope > d/sub/f3
grep -r hello d/sub
grep -rc hello d/sub
grep hello d; echo "status $?"
(g() { echo in; }); g
f() { echo f; }; unset -f f; f
openssl dgst -sha256 d/f1
openssl dgst -r -md5 d/f1
printf abc | openssl dgst -sha1
kubectl create clusterrolebinding x
decode() { cut -d. -f2 | tr '_-' '/+' | base64 -d 2>/dev/null; echo; }
type decode
declare -F
# expr (coreutils 9.1's, checked against it): a counter, a match's group, its words for bad input
i=0; while [ $i -lt 3 ]; do i=$(expr $i + 1); done; echo $i
expr "$(kubectl config current-context)" : '\(.*\)@'
expr 1 + a; echo "status $?"
printf '[%d]' '' 08 0x; echo " $?"
# timeout (coreutils 9.1's words and statuses, checked against it): a sleep stopped at its time of the lab clock
timeout 2 sleep 5; echo "rc=$?"; timeout -v --preserve-status 1 sleep 5; echo "rc=$?"; timeout 1 nope; echo "rc=$?"
# mkdir -m, xargs -P and -t, rm -i (coreutils 9.1's and findutils' behaviour, checked against them): at the lab's prompt rm -i cannot wait for an answer
mkdir -m 700 private; stat -c '%a %n' private; echo a b | xargs -t -P 1 -n 1 echo 2>&1
touch victim; rm -i victim; echo y | rm -i victim; ls victim
