"""ShellCheck for RUN scripts: running it within the analysis' budget (:mod:`.runner`) and keeping its results
between CLI runs (:mod:`.cache`)."""
