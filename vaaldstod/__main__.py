from vaaldstod.cli import main

raise SystemExit(main())
