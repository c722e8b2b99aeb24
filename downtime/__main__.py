from downtime.cli import main

raise SystemExit(main())
