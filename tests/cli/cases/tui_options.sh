# The full-screen interface's options that take a value (--layout, --config, --script,
# --size, --dump) take it as "--name VALUE" as well as "--name=VALUE", before or after
# the global ones: the value is never taken for a command. (--list-keys prints the
# bindings and exits; only a few lines are shown so the case does not follow data/keys.)
. "$CASUS_LIB"
quiet --db team.db init --team "Wijkteam Noord" --name "Tessa Leider"
printf 'bind list J page-down\nset layout side\n' >my.config
printf 'dump start\nkey q\n' >quit.keys
echo '# --layout VALUE'
"$CASUS" --lang en --db team.db --layout stack --list-keys | head -n 1
"$CASUS" --lang en --layout stack --db team.db --list-keys | head -n 1
"$CASUS" --lang en --layout=stack --db team.db --list-keys | head -n 1
echo '# --config FILE: its bindings in the list'
"$CASUS" --lang en --db team.db --config my.config --list-keys | grep "^list	J	"
"$CASUS" --lang en --config my.config --layout auto --db team.db --list-keys | grep "^list	J	"
echo '# --script FILE --size COLSxROWS --dump FILE'
casus --lang en --db team.db --script quit.keys --size 60x16 --dump screen.txt
[ -s screen.txt ] && echo "screen.txt has the dump"
rm -f screen.txt
casus --lang en --script quit.keys --dump screen.txt --db team.db --size 80x24 --no-mouse
[ -s screen.txt ] && echo "screen.txt has the dump"
echo '# a missing or bad value is a usage error, not an unknown command'
casus --lang en --db team.db --layout
casus --lang en --db team.db --script
casus --lang en --db team.db --layout diagonal --list-keys
casus --lang en --db team.db --size big --list-keys
casus --lang en --db team.db --config
# the options of the interface are not the commands' options
casus --lang en --db team.db family list --layout stack
