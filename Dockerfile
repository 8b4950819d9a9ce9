# The built site behind nginx, configured by deploy/nginx.conf: http://HOST/kb/
# Build the site first (npx fieldguide build writes _site/), then:
#   docker build -t kb-site . && docker run --rm -p 8080:80 kb-site
# and open http://localhost:8080/kb/. .dockerignore sends only _site/ and deploy/nginx.conf to the build.
FROM nginx:1.28-alpine
# The image's /etc/nginx/nginx.conf includes conf.d/*.conf inside its http block, where
# deploy/nginx.conf belongs; it replaces default.conf, so this site is the only server.
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY _site/ /srv/fieldguide/site/
EXPOSE 80
