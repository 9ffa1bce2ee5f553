module example.com/app

go 1.21.5

require golang.org/x/text v0.14.0
