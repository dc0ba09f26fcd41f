// Parses `docker run` / `podman run` (and `docker container run`) argv: options with their values, and the image.
import { programName, type Token } from "./argv.ts";

export interface DockerRun {
  options: { name: string; value: string | undefined; token: Token }[];
  image: Token | undefined;
}

/** Options of `docker run` that take a separate value (docker run --help). */
const TAKES_VALUE = new Set(
  "-e --env --env-file -v --volume --mount --name --network --net -p --publish -w --workdir -u --user --entrypoint --platform --cap-add --cap-drop --pid --ipc --uts --userns -l --label --add-host -h --hostname -m --memory --cpus --restart --security-opt --device --tmpfs --ulimit --log-driver --log-opt --runtime --gpus --pull --dns --expose --link --shm-size --stop-signal --cidfile --group-add --health-cmd --mac-address --ip --volumes-from --label-file".split(
    " ",
  ),
);

export function findDockerRun(argv: readonly Token[]): DockerRun | undefined {
  const prog = programName(argv[0]?.word ?? "");
  if (prog !== "docker" && prog !== "podman" && prog !== "nerdctl") return undefined;
  let i = 1;
  while (i < argv.length && argv[i]?.word.startsWith("-")) i++; // global options such as --context
  if (argv[i]?.word === "container") i++;
  if (argv[i]?.word !== "run" && argv[i]?.word !== "create") return undefined;
  const options: DockerRun["options"] = [];
  for (i++; i < argv.length; i++) {
    const token = argv[i] as Token;
    const w = token.word;
    if (!w.startsWith("-") || w === "-") return { options, image: token };
    const eq = w.indexOf("=");
    if (eq > 0) options.push({ name: w.slice(0, eq), value: w.slice(eq + 1), token });
    else if (TAKES_VALUE.has(w)) {
      options.push({ name: w, value: argv[i + 1]?.word, token: argv[i + 1] ?? token });
      i++;
    } else options.push({ name: w, value: undefined, token });
  }
  return { options, image: undefined };
}
