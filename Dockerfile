# The application image for docker-compose.yml: built from the sources, run on a JRE.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:25-jre
RUN useradd --system --create-home treeline
USER treeline
WORKDIR /home/treeline
COPY --from=build /src/portal/target/treeline.jar treeline.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "treeline.jar"]
