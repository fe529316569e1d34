# The workstation's interactive bash: history expansion, noclobber, bash -n/-v, read from a pipe, find -exec, diff
echo one two three
!!
echo !$
!xyz
^two^TWO
cd /tmp && mkdir -p golden && cd golden && printf 'a\nb\nc\n' > x && printf 'a\nB\nc\n' > y
seq 3 | while read -r n; do echo "n=$n"; done
set -C; echo new > x; echo "rc=$?"; echo forced >| x; cat x; set +C
printf 'echo hi\nif then\n' > bad.sh; bash -n bad.sh; echo "rc=$?"
bash -v -c 'echo verbose'
printf 'a\nb\nc\n' > x; find . -name 'x' -exec wc -l {} \;
find . -type f -exec echo FILES {} +
diff x y; echo "rc=$?"
diff -u x y | tail -n +3
