#!/usr/bin/env bash
# The cluster test (./edulake cluster-test): proves that the pipeline runs unchanged on a real
# Spark standalone cluster.
#
#  1. builds the shaded jar (mvn -Pcluster package) — Spark provided, everything else inside;
#  2. makes a throw-away SPARK_HOME under target/ whose jars/ are the Spark distribution's jars
#     (the runtime classpath of spark-sql alone, from Maven) — nothing of EduLake's on it;
#  3. starts a standalone Master and one Worker (2 cores) on 127.0.0.1, free ports;
#  4. submits the shaded jar with SparkSubmit, as a user would:
#       spark-submit --master spark://127.0.0.1:PORT --class org.edulake.cli.Main edulake-…-cluster.jar
#         run --inbox inbox --warehouse warehouse --mart mart/edulake.duckdb
#     with RELATIVE paths from the driver's folder (executors run in the worker's work dir);
#  5. checks that the application ran on the cluster's executor (master JSON: completed app;
#     the executor's stderr in the worker's work dir: finished tasks);
#  6. runs the same inbox on the embedded default (./edulake run --set spark.master=local[2]);
#  7. compares the two DuckDB marts table by table, every row (MartDiff.java), and fails on any
#     difference.
# The cluster is always torn down (trap), also on failure. Input: the golden fixture inbox plus
# the questionnaire export of bad_input/survey_school_and_answers (survey answers go through a
# UDF); CLUSTER_TEST_INBOXES="dir …" replaces both.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
t_start=$SECONDS
say() { printf '[cluster-test %3ds] %s\n' $((SECONDS - t_start)) "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

for tool in java mvn curl python3; do
  command -v "$tool" >/dev/null || die "needs $tool"
done
SPARK_VERSION="$(sed -n 's|.*<spark.version>\(.*\)</spark.version>.*|\1|p' pom.xml | head -1)"
VERSION="$(sed -n '0,/<version>/s|.*<version>\(.*\)</version>.*|\1|p' pom.xml)"
JAR="$ROOT/target/edulake-$VERSION-cluster.jar"
BASE="$ROOT/target/cluster-test"
mkdir -p "$BASE"

# ---------------------------------------------------------------- 1. the shaded jar
stamp="$BASE/.jar-built"
if [[ ! -f $JAR || ! -f $stamp ]] || \
   [[ -n "$(find pom.xml pipelines/src/main schemas -newer "$stamp" -print -quit)" ]]; then
  say "building the shaded jar (mvn -Pcluster -DskipTests package)"
  mvn -q -B -Pcluster -DskipTests package >&2
  touch "$stamp"
fi
[[ -f $JAR ]] || die "no $JAR"

# ---------------------------------------------------------------- 2. SPARK_HOME from Maven
export SPARK_HOME="$BASE/spark-home-$SPARK_VERSION"
if [[ ! -f $SPARK_HOME/.complete ]]; then
  say "making SPARK_HOME $SPARK_HOME (Spark $SPARK_VERSION jars from Maven)"
  rm -rf "$SPARK_HOME" "$BASE/spark-deps"
  mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf" "$BASE/spark-deps"
  # what a Spark distribution ships: spark-sql and its runtime dependencies, nothing of ours
  cat > "$BASE/spark-deps/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.edulake.clustertest</groupId>
  <artifactId>spark-distribution</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.apache.spark</groupId>
      <artifactId>spark-sql_2.13</artifactId>
      <version>$SPARK_VERSION</version>
    </dependency>
  </dependencies>
  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId>
    <artifactId>maven-dependency-plugin</artifactId>
    <version>3.8.1</version>
  </plugin></plugins></build>
</project>
EOF
  mvn -q -B -f "$BASE/spark-deps/pom.xml" dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$BASE/spark-deps/classpath.txt" >&2
  tr ':' '\n' < "$BASE/spark-deps/classpath.txt" | while read -r j; do
    [[ -n $j ]] && ln -sf "$j" "$SPARK_HOME/jars/$(basename "$j")"
  done
  echo "Spark $SPARK_VERSION (jars from Maven, for EduLake's cluster test)" > "$SPARK_HOME/RELEASE"
  touch "$SPARK_HOME/.complete"
fi
# logging of the daemons, the driver and the executors (conf/ is first on their classpath)
cat > "$SPARK_HOME/conf/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
logger.executor.name = org.apache.spark.executor.Executor
logger.executor.level = info
logger.standalone.name = org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend
logger.standalone.level = info
logger.edulake.name = org.edulake
logger.edulake.level = info
EOF
JVM_ARGS="$(cat target/classes/edulake-jvm.args)"   # the --add-opens Spark needs on Java 17
SPARK_CP="$SPARK_HOME/conf/:$SPARK_HOME/jars/*"

# ---------------------------------------------------------------- 3. master and worker
RUN="$(mktemp -d "$BASE/run.XXXXXX")"
pids=()
teardown() {
  local rc=$?
  for pid in "${pids[@]}"; do
    # the worker's children (executors) first, then the daemon itself
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [[ $rc -ne 0 ]]; then
    say "logs kept in $RUN"
  else
    rm -rf "$RUN"
  fi
  exit $rc
}
trap teardown EXIT
trap 'exit 130' INT TERM

read -r MASTER_PORT MASTER_UI WORKER_PORT WORKER_UI < <(python3 - <<'EOF'
import socket
socks = []
for _ in range(4):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(*[s.getsockname()[1] for s in socks])
EOF
)
MASTER="spark://127.0.0.1:$MASTER_PORT"
# what bin/load-spark-env.sh of a distribution exports; the launcher needs SPARK_SCALA_VERSION
export SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1
say "starting master $MASTER (web UI $MASTER_UI) and a worker (2 cores, 2 GB)"
# shellcheck disable=SC2086
java -Xmx512m $JVM_ARGS -cp "$SPARK_CP" -Dspark.master.rest.enabled=false \
  org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$MASTER_PORT" \
  --webui-port "$MASTER_UI" > "$RUN/master.log" 2>&1 &
pids+=($!)
mkdir -p "$RUN/worker"
# shellcheck disable=SC2086
java -Xmx512m $JVM_ARGS -cp "$SPARK_CP" \
  org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port "$WORKER_PORT" \
  --webui-port "$WORKER_UI" --cores 2 --memory 2g --work-dir "$RUN/worker" "$MASTER" \
  > "$RUN/worker.log" 2>&1 &
pids+=($!)

master_json() { curl -fsS "http://127.0.0.1:$MASTER_UI/json/" 2>/dev/null; }
for i in $(seq 1 120); do
  if master_json | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d.get("aliveworkers",0)>=1 else 1)' 2>/dev/null; then
    break
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { cat "$RUN/master.log" "$RUN/worker.log" >&2; die "a daemon died"; }
  done
  [[ $i -lt 120 ]] || { cat "$RUN/master.log" "$RUN/worker.log" >&2; die "no worker registered in 60 s"; }
  sleep 0.5
done
say "cluster up: 1 worker alive"

# ---------------------------------------------------------------- 4. spark-submit
INBOXES="${CLUSTER_TEST_INBOXES:-pipelines/src/test/resources/fixtures/golden/inbox}"
mkdir -p "$RUN/cluster/inbox" "$RUN/local/inbox"
for src in $INBOXES; do
  cp -rp "$src"/. "$RUN/cluster/inbox/"
  cp -rp "$src"/. "$RUN/local/inbox/"
done
if [[ -z ${CLUSTER_TEST_INBOXES:-} ]]; then
  # the golden inbox has no questionnaire export: add one, survey answers are parsed by a UDF
  survey=pipelines/src/test/resources/fixtures/bad_input/survey_school_and_answers/surveys/export.csv
  for side in cluster local; do
    mkdir -p "$RUN/$side/inbox/2025-05/surveys"
    cp -p "$survey" "$RUN/$side/inbox/2025-05/surveys/"
  done
fi
say "spark-submit --master $MASTER --class org.edulake.cli.Main $(basename "$JAR") run (relative paths)"
set +e
(
  cd "$RUN/cluster"
  # shellcheck disable=SC2086
  java -Xmx2g $JVM_ARGS -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
    --master "$MASTER" --deploy-mode client --name edulake-cluster-test \
    --conf spark.executor.memory=1500m --conf spark.executor.cores=2 --conf spark.cores.max=2 \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --class org.edulake.cli.Main "$JAR" \
    run --inbox inbox --warehouse warehouse --mart mart/edulake.duckdb
) > "$RUN/cluster.log" 2>&1
cluster_rc=$?
set -e
say "cluster run exit code $cluster_rc"
if [[ $cluster_rc -ne 0 && $cluster_rc -ne 2 ]]; then
  tail -n 80 "$RUN/cluster.log" >&2
  die "the cluster run failed (log: $RUN/cluster.log)"
fi
[[ -f $RUN/cluster/mart/edulake.duckdb ]] || die "the cluster run published no mart"

# ---------------------------------------------------------------- 5. it ran on the executors
app_dirs=("$RUN"/worker/app-*)
[[ ${#app_dirs[@]} -eq 1 && -d ${app_dirs[0]} ]] || die "expected one application in the worker's work dir, got: ${app_dirs[*]}"
APP_ID="$(basename "${app_dirs[0]}")"
tasks="$(cat "${app_dirs[0]}"/*/stderr 2>/dev/null | grep -c 'Finished task' || true)"
[[ $tasks -gt 0 ]] || die "no finished task in the executor's stderr of $APP_ID"
master_json | APP_ID="$APP_ID" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
app = [a for a in d.get("completedapps", []) if a["id"] == os.environ["APP_ID"]]
if not app or app[0]["state"] != "FINISHED":
    sys.exit("master does not list %s as a FINISHED application: %s" % (os.environ["APP_ID"], d.get("completedapps")))
print("master: %s %s %s, %s cores" % (app[0]["id"], app[0]["name"], app[0]["state"], app[0].get("cores")))
' >&2 || die "the master did not see the application finish"
[[ ! -d $RUN/worker/$APP_ID/0/warehouse && ! -d $RUN/worker/$APP_ID/0/mart ]] || \
  die "something was written relative to the executor's work dir"
say "ran on the cluster: $APP_ID, $tasks tasks finished on its executor"

# the cluster is not needed any more
for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true; done

# ---------------------------------------------------------------- 6. the same inbox, locally
say "local run: ./edulake run --set spark.master=local[2]"
set +e
"$ROOT/edulake" run --inbox "$RUN/local/inbox" --warehouse "$RUN/local/warehouse" \
  --mart "$RUN/local/mart/edulake.duckdb" --set 'spark.master=local[2]' > "$RUN/local.log" 2>&1
local_rc=$?
set -e
say "local run exit code $local_rc"
[[ $local_rc -eq $cluster_rc ]] || { tail -n 40 "$RUN/local.log" >&2; die "exit codes differ: cluster $cluster_rc, local $local_rc"; }

# ---------------------------------------------------------------- 7. compare the marts
DUCKDB_JAR="$(tr ':' '\n' < target/classpath.txt | grep '/duckdb_jdbc-' | head -1)"
[[ -f $DUCKDB_JAR ]] || die "no DuckDB JDBC jar on target/classpath.txt"
java -cp "$DUCKDB_JAR" "$ROOT/pipelines/scripts/MartDiff.java" \
  "$RUN/local/mart/edulake.duckdb" "$RUN/cluster/mart/edulake.duckdb" >&2 \
  || die "the marts differ (local vs cluster)"
say "PASSED: the cluster mart equals the local mart ($((SECONDS - t_start)) s)"
