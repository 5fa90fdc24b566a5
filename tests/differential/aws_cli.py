"""The AWS CLI's verdict on request documents, in one Python process.

Does what `aws sagemaker KIND-inference-experiment --cli-input-yaml
file://DOC --generate-cli-skeleton output --region us-east-1` does with
DOC, with the CLI's own code (Debian's awscli 2.9.19, run with
/usr/bin/python3): the file read as awscli reads file:// arguments, the
document loaded by the --cli-input-yaml or --cli-input-json argument class,
refused unless it is a mapping, then the stubbed client call of
--generate-cli-skeleton output, which runs botocore's ParamValidator on the
operation's input shape and serializes the request. Every exception is
turned into the exit status the CLI's error handlers give it (252 for a
parameter error, 255 for anything else). One client serves every document,
so a batch costs milliseconds per document rather than 0.6 s per `aws`.

    /usr/bin/python3 aws_cli.py create FILE...    # prints "STATUS FILE: MESSAGE"
"""

import os
import sys

OPERATIONS = {
    "create": "CreateInferenceExperiment",
    "update": "UpdateInferenceExperiment",
    "stop": "StopInferenceExperiment",
}


# The CLI's environment, here and for the aws program: no profile,
# credentials, endpoint or pager of the caller's; UTC, as timestamps without
# a zone are read on a UTC machine.
ENVIRONMENT = {"AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x",
               "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": "/dev/null",
               "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_PAGER": "",
               "AWS_DEFAULT_REGION": "us-east-1", "TZ": "UTC"}


def quiet_environment():
    # Importing awscli points AWS_DATA_PATH at its own data; a process
    # forked after that keeps it.
    keep = {"AWS_DATA_PATH"} if "awscli" in sys.modules else set()
    for name in [n for n in os.environ if n.startswith("AWS_") and n not in keep]:
        del os.environ[name]
    os.environ.update(ENVIRONMENT)
    import time
    time.tzset()


class Verdicts:
    """Loads the CLI once; verdict(kind, path) gives (status, message)."""

    def __init__(self):
        quiet_environment()
        # dateutil warns of the zone names it ignores ("EST"); the CLI
        # prints that and goes on, which changes no verdict.
        import warnings
        warnings.simplefilter("ignore")
        import locale
        import awscli
        import awscli.clidriver
        from awscli.customizations.cliinput import CliInputJSONArgument, CliInputYAMLArgument
        from awscli.customizations.generatecliskeleton import StubbedCLIOperationCaller
        from awscli.errorhandler import construct_cli_error_handlers_chain
        from awscli.paramfile import LOCAL_PREFIX_MAP, get_paramfile

        if locale.getpreferredencoding(False).lower().replace("-", "") != "utf8":
            raise RuntimeError("the preferred encoding is %s, not UTF-8: run with LC_ALL=C.UTF-8"
                               % locale.getpreferredencoding(False))
        self.version = awscli.__version__
        self.session = awscli.clidriver.create_clidriver().session
        self.client = self.session.create_client("sagemaker", region_name="us-east-1")
        self.caller = StubbedCLIOperationCaller(self.session)
        self.arguments = {"json": CliInputJSONArgument(self.session),
                          "yaml": CliInputYAMLArgument(self.session)}
        self.handlers = construct_cli_error_handlers_chain()._exception_handlers
        self.get_paramfile = get_paramfile
        self.prefixes = LOCAL_PREFIX_MAP

        class Globals:
            paginate = True
        self.globals = Globals

    def status_of(self, error):
        """The exit status the CLI's handlers give an exception."""
        for handler in self.handlers:
            if isinstance(error, handler.EXCEPTIONS_TO_HANDLE):
                return handler.RC
        return 255

    def verdict(self, kind, path):
        """(0, "") when the CLI would send the request, else the exit
        status and the CLI's message."""
        from awscli.argprocess import ParamError
        form = "json" if path.endswith(".json") else "yaml"
        argument = self.arguments[form]
        try:
            text = self.get_paramfile("file://" + os.path.abspath(path), self.prefixes)
            params = argument._load_parameters(text)
            if not isinstance(params, dict):
                raise ParamError(argument.cli_name, "Invalid type: expecting map, received %s"
                                 % type(params))
            call_parameters = {}
            argument._update_call_parameters(call_parameters, params)
            self.caller._make_client_call(self.client, OPERATIONS[kind], call_parameters,
                                          self.globals)
            return 0, ""
        except Exception as error:  # every refusal, whatever raised it
            message = str(error).strip() or type(error).__name__
            return self.status_of(error), "%s: %s" % (type(error).__name__, message)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in OPERATIONS:
        sys.exit("usage: aws_cli.py create|update|stop FILE...")
    verdicts = Verdicts()
    for path in sys.argv[2:]:
        status, message = verdicts.verdict(sys.argv[1], path)
        print("%d %s: %s" % (status, path, message.replace("\n", " ")))


if __name__ == "__main__":
    main()
