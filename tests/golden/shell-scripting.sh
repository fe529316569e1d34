# seed: 1
# The workstation's bash as a script writer meets it. Arrays grow one element at a time and take
# part in arithmetic; associative ones list their keys in bash's order; bash's own variables and
# $_ are there; a script's error names its own line; shopt's globbing options and nocasematch act;
# local lists a function's variables; exec runs a command in place of the shell; mapfile reads a
# command's output through <(...); getopts reads options; ${NAME@OP} and printf's %(FORMAT)T
# format; pushd and popd keep a directory stack; help knows the builtins, and those the lab does
# not run say so. Checked by hand: every line but the kubectl ones against bash 5.2 on this machine
# (its PPID, host and token differ, so those lines print none of them); kubectl get ns lists the
# four namespaces of a new cluster; the help summary and the 'not simulated' line are the lab's own.
a=(); for ((i=0; i<5; i++)); do a[i]=$((i*i)); done; echo ${a[@]} $((a[2]+a[3])) ${#a[@]}; a[9]=x; echo ${!a[@]}
echo "$BASH_VERSION ${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]} $HOSTTYPE $OSTYPE $UID $EUID"; true last word; echo $_
bash -c 'echo $((SHLVL - $1)) $BASH' level $SHLVL; UID=1
printf 'echo start\nfor i in 1 2; do\n  nosuch$i\ndone\necho at $LINENO\n' > s.sh; bash s.sh
shopt -s nullglob; echo *.none end; shopt -u nullglob; shopt -p nullglob failglob; shopt -s failglob; echo *.none; echo not-run
shopt -u failglob; shopt failglob
mapfile -t nss < <(kubectl get ns -o name); echo ${#nss[@]} ${nss[0]} ${nss[-1]}
f() { local OPTIND o; while getopts ":n:v" o; do echo "$o [${OPTARG-}]"; done; shift $((OPTIND-1)); echo "rest: $*"; }; f -v -n sa-demo -x pod
TOK=$(kubectl create token default); echo ${TOK:0:3}; x="it's here"; echo ${x@Q} ${x@U} ${x@A}
printf '%(%Y-%m-%d %H:%M)T|%s\n' 86400 end
shopt -s nocasematch; [[ JWT == jwt ]] && echo same; shopt -u nocasematch; f() { local -i n=2+3; local s; local; }; f; bash -c 'exec echo exec-ed; echo not-here'
help getopts
declare -A claims; for c in sub aud exp iat nbf; do claims[$c]=${#c}; done; echo ${!claims[@]}; declare -p claims
cd ~; pushd /tmp; pushd /; dirs -v; popd; popd; ulimit -n
# this stop's shell fixes, each checked against bash 5.2, grep 3.8, mawk, coreutils and jq 1.6 on this machine
trap 'echo "ERR $?"' ERR; false; trap - ERR; printf 'echo a\nreturn 5\necho b\n' > r.sh; source r.sh; echo rc=$?; a=(x y); [[ -v a[1] ]] && echo set; printf -v 'a[3]' %s hi; echo "${a[3]}" $[2+3]
echo '{"sub":"system:serviceaccount:sa-demo:default","exp":1700000000}' | grep -oP '"exp":\K\d+' | awk '{print strftime("%Y-%m-%dT%H:%M:%SZ", $1)}'
printf '10\n9\n1e1\n' | sort -g | xargs -d '\n' echo; printf 'ab\nabcd\n' | wc -L; while true; do echo l; done | head -2; echo "${PIPESTATUS[@]}"
jq -nc '[{"id":"a"},{"id":"b"}] | INDEX(.id) | keys'; printf '%d %x\n' 9007199254740993 -1; w='[x]'; echo ${w//[\[\]]/} ${w~~}
