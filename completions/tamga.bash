# bash completion for tamga. Options are read from the installed binary's --help, so they never drift.
_tamga() {
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  local commands="scan tokenize match score report lexicon langid eval kwic"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  case $prev in
    --format) COMPREPLY=($(compgen -W "text jsonl json csv tsv sarif github html" -- "$cur")); return ;;
    --input) COMPREPLY=($(compgen -W "auto text markdown html jsonl" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en tr az kk ky uz tk" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --fail-level) COMPREPLY=($(compgen -W "warning error" -- "$cur")); return ;;
    --task) COMPREPLY=($(compgen -W "si tc" -- "$cur")); return ;;
    --fail-on|--technique|-t)
      COMPREPLY=($(compgen -W "Loaded_Language Name_Calling,Labeling Repetition Exaggeration,Minimisation Doubt Appeal_to_fear-prejudice Flag-Waving Causal_Oversimplification Appeal_to_Authority Slogans Whataboutism,Straw_Men,Red_Herring Black-and-White_Fallacy Thought-terminating_Cliches Bandwagon,Reductio_ad_hitlerum" -- "$cur")); return ;;
  esac
  if [ "$cmd" = lexicon ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=($(compgen -W "check stats explain import export induce" -- "$cur"))
    return
  fi
  if [[ $cur == -* ]]; then
    local args=("$cmd")
    [ "$cmd" = lexicon ] && args+=("${COMP_WORDS[2]}")
    COMPREPLY=($(compgen -W "$(tamga "${args[@]}" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _tamga tamga
