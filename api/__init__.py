"""Every way into lexgraph: the command line (`api.cli`), and later the REST and SPARQL routers."""
