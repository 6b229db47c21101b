# Vigie intake service. Build from the repository root: docker build -f docker/intake.Dockerfile .
# The first stage builds the one shaded jar (the three Dockerfiles share it through the build cache).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app vigie && mkdir -p /app /var/lib/vigie && chown vigie /var/lib/vigie
WORKDIR /app
COPY --from=build /src/cli/target/vigie.jar /app/vigie.jar
USER vigie
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.vigie.schemas", "-cp", "/app/vigie.jar", "org.vigie.intake.IntakeMain"]
